package cn.beian.national.config;

import cn.beian.contract.domain.Province;
import cn.beian.national.client.SubmissionType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Settings of the national systems stand-in ({@code beian.national.*}). */
@ConfigMapping(prefix = "beian.national")
public interface NationalConfig {

    /** The provider that calls this stand-in: its submissions and the records "held here". */
    @WithDefault("BEIAN")
    String ownProvider();

    /** The registry seed file (classpath), loaded at start when the registry is empty. */
    @WithDefault("seed/registry.json")
    String seed();

    SmsVerification smsVerification();

    Review review();

    Password password();

    Feed feed();

    Scheduler scheduler();

    interface Scheduler {

        /**
         * How often deadlines are checked ({@code DeadlineJob}) and pending messages delivered
         * ({@code OutgoingMessageJob}).
         */
        @WithDefault("2s")
        String every();
    }

    interface SmsVerification {

        /**
         * Where principals verify by SMS: {@code ALL} (the rule since 2020-08-17), {@code PILOT} (the earlier pilot
         * provinces) or a comma-separated list of province names.
         */
        @WithDefault("ALL")
        String provinces();

        /** Which submission types need it: every type but cancel access. */
        @WithDefault("FIRST_FILING,NEW_WEBSITE,NEW_WEBSITE_SUBJECT_ELSEWHERE,ACCESS_FILING,CHANGE,DEREGISTER_WEBSITE,DEREGISTER_SUBJECT")
        List<SubmissionType> types();

        /** How long the principals have. */
        @WithDefault("PT24H")
        Duration deadline();

        /** Wrong codes allowed; the next one returns the submission. */
        @WithDefault("5")
        int maxWrongCodes();

        /** The page the SMS points principals at. */
        @WithDefault("http://localhost:${quarkus.http.port}/sms-verify")
        String verifyUrl();

        default boolean required(Province province, SubmissionType type) {
            return types().contains(type) && provinceSet(provinces()).contains(province);
        }
    }

    interface Review {

        /** Business days until the authority decides. */
        @WithDefault("20")
        int businessDays();

        /** Zhejiang's. */
        @WithDefault("30")
        int zhejiangBusinessDays();

        default int businessDays(Province province) {
            return province == Province.ZHEJIANG ? zhejiangBusinessDays() : businessDays();
        }
    }

    interface Password {

        /** Wrong passwords allowed before the check locks. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT24H")
        Duration lockFor();

        /** PBKDF2 iterations for new hashes (stored hashes keep their own count). */
        @WithDefault("120000")
        int iterations();
    }

    interface Feed {

        /** The longest a feed request may wait. */
        @WithDefault("30")
        int maxWaitSeconds();

        /** How often a waiting request re-reads even without a wake-up (safety net for missed notifications). */
        @WithDefault("5s")
        Duration recheck();
    }

    /** The pilot provinces of SMS verification before 2020-08-17 (docs/domain.md §3). */
    Set<Province> PILOT = EnumSet.of(Province.TIANJIN, Province.GANSU, Province.TIBET, Province.NINGXIA,
            Province.HAINAN, Province.XINJIANG, Province.QINGHAI, Province.ZHEJIANG, Province.SICHUAN, Province.FUJIAN,
            Province.SHAANXI, Province.CHONGQING, Province.GUANGXI, Province.YUNNAN, Province.SHANDONG, Province.HENAN,
            Province.ANHUI, Province.HUNAN, Province.SHANXI, Province.HEILONGJIANG, Province.INNER_MONGOLIA,
            Province.HUBEI);

    static Set<Province> provinceSet(String setting) {
        String s = setting.strip();
        if (s.equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(Province.class);
        }
        if (s.equalsIgnoreCase("PILOT")) {
            return PILOT;
        }
        Set<Province> out = EnumSet.noneOf(Province.class);
        for (String p : s.split("\\s*,\\s*")) {
            if (!p.isEmpty()) {
                out.add(Province.valueOf(p.toUpperCase()));
            }
        }
        return out;
    }
}
