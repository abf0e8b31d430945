package cn.beian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The label check finds ids in labels (and only there: an exemplar's trace id is no label). */
class MetricsTest {

    @Test
    void idLikeLabelValuesAreFoundAndExemplarsIgnored() {
        Metrics m = Metrics.of("""
                # TYPE beian_orders gauge
                beian_orders{province="BEIJING",state="DRAFT"} 3.0
                beian_inbox_events_total{outcome="applied",type="order.created.v1"} 2.0 # {span_id="79aceca0f1652b38",trace_id="b56af18c3d8f8f1dbe46df77c595f0ff"} 1.0 1796567617.148
                http_server_requests_seconds_count{uri="/api/v1/orders/0eeab9ca-e6d0-49cb-b05b-cb92bb2ec8b7"} 1.0
                beian_notification_deliveries_total{channel="SMS",recipient="13801000917"} 1.0
                kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-review-events-0",partition="0"} 0.0
                """);
        assertEquals(List.of(
                "http_server_requests_seconds_count{uri=\"/api/v1/orders/0eeab9ca-e6d0-49cb-b05b-cb92bb2ec8b7\"}",
                "beian_notification_deliveries_total{recipient=\"13801000917\"}"), m.idLikeLabels());
        assertEquals(3.0, m.value("beian_orders", "state", "DRAFT"));
        assertEquals(2.0, m.value("beian_inbox_events_total", "type", "order.created.v1"));
        assertEquals(0.0, m.value("beian_orders", "state", "APPROVED"));
    }
}
