package cn.gov.enforcement.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The portal's filters, on {@code /public} and {@code /public/*} only: the rate limit and headers
 * ({@link PortalRateLimit}) first, then ETags so that a browser or proxy revalidating a page
 * ({@code Cache-Control: no-cache}) gets 304 while nothing changed: cheap, and a withdrawn item is
 * never served from a cache without asking. No authentication filter covers these paths (see
 * identity.HttpSecurityConfiguration): the container normalises {@code /public/../engine-rest} to
 * {@code /engine-rest} before mapping filters, so such a path meets the engine's guards
 * (PortalSecurityTest).
 */
@Configuration
public class PortalConfiguration {

  @Bean
  PortalRateLimit portalRateLimit(@Value("${portal.rate-limit.capacity:120}") int capacity,
      @Value("${portal.rate-limit.refill-per-minute:120}") int refillPerMinute,
      @Value("${portal.rate-limit.trust-forwarded-for:false}") boolean trustForwardedFor) {
    return new PortalRateLimit(capacity, refillPerMinute, trustForwardedFor);
  }

  @Bean
  FilterRegistrationBean<PortalRateLimit> portalRateLimitFilter(PortalRateLimit filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/public", "/public/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> portalEtagFilter() {
    var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/public", "/public/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }
}
