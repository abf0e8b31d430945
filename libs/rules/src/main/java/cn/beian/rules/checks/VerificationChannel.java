package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.PhotoChannel;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code VERIFICATION_CHANNEL}: the way the website principal is verified ({@code photoChannel}) is one the province
 * offers. Parameters: {@code pointOnly} — the province's "verification point only" flag (X-10; off by default, as the
 * newer sources offer every province a curtain photo or a verification point); {@code accept} — the channels offered
 * while the flag is off (default {@code CURTAIN_PHOTO, VERIFICATION_POINT}: the app is Shanghai's alone). A channel not
 * chosen yet is not judged.
 */
final class VerificationChannel implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        PhotoChannel chosen = order.photoChannel();
        if (chosen == null) {
            return;
        }
        List<String> accept = rule.flag("pointOnly") ? List.of(PhotoChannel.VERIFICATION_POINT.name())
                : rule.list("accept").isEmpty() ? List.of(PhotoChannel.CURTAIN_PHOTO.name(),
                        PhotoChannel.VERIFICATION_POINT.name())
                : rule.list("accept").stream().map(String::strip).toList();
        if (!accept.contains(chosen.name())) {
            List<PhotoChannel> offered = java.util.Arrays.stream(PhotoChannel.values())
                    .filter(c -> accept.contains(c.name())).toList();
            out.fail("photoChannel", Map.of("channelZh", chinese(chosen), "channelEn", english(chosen),
                    "offeredZh", String.join("或", offered.stream().map(VerificationChannel::chinese).toList()),
                    "offeredEn", String.join(" or ", offered.stream().map(VerificationChannel::english).toList())));
        }
    }

    static String chinese(PhotoChannel c) {
        return switch (c) {
            case CURTAIN_PHOTO -> "幕布拍照";
            case VERIFICATION_POINT -> "核验点当面核验";
            case APP -> "手机App核验";
        };
    }

    static String english(PhotoChannel c) {
        return switch (c) {
            case CURTAIN_PHOTO -> "a curtain photo";
            case VERIFICATION_POINT -> "face-to-face verification at a verification point";
            case APP -> "verification in the mobile app";
        };
    }
}
