package cn.beian.notification.service;

import cn.beian.contract.order.OrderState;

/** How an order's state and the applicant's next step are named in reminders, per language. */
final class Labels {

    private Labels() {
    }

    static String state(OrderState s, String locale) {
        boolean en = locale.startsWith("en");
        return switch (s) {
            case INITIAL_REJECTED -> en ? "initial review rejected" : "初审驳回";
            case AWAITING_PHOTO -> en ? "awaiting the curtain photo" : "待拍照核验";
            case PHOTO_REJECTED -> en ? "photo rejected" : "照片驳回";
            case AUTHORITY_REJECTED -> en ? "rejected by the administration" : "管局驳回";
            default -> en ? s.name().toLowerCase().replace('_', ' ') : s.name();
        };
    }

    static String action(OrderState s, String locale) {
        boolean en = locale.startsWith("en");
        return switch (s) {
            case INITIAL_REJECTED, AUTHORITY_REJECTED -> en ? "correct the order and resubmit it" : "修改后重新提交";
            case AWAITING_PHOTO -> en ? "upload the curtain photo" : "上传幕布照片";
            case PHOTO_REJECTED -> en ? "upload a new curtain photo" : "重新上传幕布照片";
            default -> en ? "open the order" : "查看订单";
        };
    }
}
