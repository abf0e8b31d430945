package cn.beian.subject.domain;

import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One move of an order, kept as its history. */
@Entity
@Table(name = "order_transition")
public class OrderTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public OrderState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public OrderState toState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderTrigger.Actor actor;

    @Column(name = "actor_id")
    public String actorId;

    /** Reasons, one per line, where the move is a rejection. */
    public String reasons;

    @Column(nullable = false)
    public OffsetDateTime at;
}
