/**
 * website-service: Websites, domains and homepage URLs, domain checks, the access policy and the public filing query.
 *
 * <p>Packages, as in every Beian service: {@code rest} (thin resources and their request/response records),
 * {@code service} (transactions), {@code domain} (entities), {@code repository} (Panache repositories),
 * {@code events} (consumers and event builders), {@code config} (settings).
 */
package cn.beian.website;
