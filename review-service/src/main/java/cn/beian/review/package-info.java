/**
 * review-service: Review cases, the reviewers' queue and the authority gateway.
 *
 * <p>Packages, as in every Beian service: {@code rest} (thin resources and their request/response records),
 * {@code service} (transactions), {@code domain} (entities), {@code repository} (Panache repositories),
 * {@code events} (the Kafka consumers and the event handler), {@code config} (settings); see docs/conventions.md.
 */
package cn.beian.review;
