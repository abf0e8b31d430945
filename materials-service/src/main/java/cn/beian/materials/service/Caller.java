package cn.beian.materials.service;

import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;

/**
 * Who asks: an applicant (owner of its orders) or a reviewer. Reviewers read the materials of orders under review,
 * and act as the provider's verification points (核验点) for curtain photos: they may upload and submit an order's
 * curtain photos while it awaits them. A separate machine client would hide which person took the photo.
 */
public record Caller(String id, boolean reviewer) {

    public static Caller of(CurrentAccount account) {
        return new Caller(account.id(), account.hasRole(Roles.REVIEWER));
    }

    public String role() {
        return reviewer ? Roles.REVIEWER : Roles.APPLICANT;
    }
}
