package cn.beian.notification.domain;

public enum Channel {
    SMS,
    EMAIL
}
