package cn.beian.national.domain;

import cn.beian.contract.domain.Province;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Filing numbers: {@code 京ICP备12345678号} for a subject, {@code 京ICP备12345678号-2} for its second website. */
public final class FilingNumbers {

    public static final Pattern SUBJECT = Pattern.compile("[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]ICP备[0-9]{8}号");
    public static final Pattern WEBSITE = Pattern.compile(SUBJECT.pattern() + "-[1-9][0-9]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FilingNumbers() {
    }

    /** A random candidate subject number for the province (uniqueness is the registry's job). */
    public static String candidate(Province province) {
        return province.abbreviation() + "ICP备" + (10_000_000 + RANDOM.nextInt(90_000_000)) + "号";
    }
}
