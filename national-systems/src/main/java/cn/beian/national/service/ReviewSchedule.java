package cn.beian.national.service;

import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.Submission;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Puts a submission under review, due after the province's number of business days (China's calendar). */
@ApplicationScoped
public class ReviewSchedule {

    private final NationalConfig config;
    private final BusinessCalendar calendar;

    public ReviewSchedule(NationalConfig config, BusinessCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    void start(Submission s, OffsetDateTime now) {
        s.status = SubmissionStatus.UNDER_REVIEW;
        s.reviewDueAt = calendar.plusBusinessDays(now.atZoneSameInstant(BeianClock.CHINA),
                config.review().businessDays(s.province)).toOffsetDateTime();
        s.updatedAt = now;
    }
}
