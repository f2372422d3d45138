package cn.gov.enforcement.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code /public/*} (registered by {@link PortalConfiguration}): a token bucket per
 * client (the connection's address; the last {@code X-Forwarded-For} hop only when
 * {@code portal.rate-limit.trust-forwarded-for} says a proxy of ours sets it), 429 with a
 * bilingual message and {@code Retry-After} when empty; only GET and HEAD (the portal is
 * read-only: anything else is 405 before it reaches a controller); and the headers of a public,
 * script-free site (no framing, no sniffing, no referrer, a content policy without scripts). In
 * memory, per node: a cluster's limit is the sum of its nodes' (docs/operations.md).
 */
public class PortalRateLimit extends OncePerRequestFilter {

  static final int MAX_CLIENTS = 10_000;

  private final int capacity;
  private final double refillPerSecond;
  private final boolean trustForwardedFor;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public PortalRateLimit(int capacity, int refillPerMinute, boolean trustForwardedFor) {
    this.capacity = Math.max(1, capacity);
    this.refillPerSecond = Math.max(1, refillPerMinute) / 60.0;
    this.trustForwardedFor = trustForwardedFor;
  }

  /** Forgets every client (tests, and an operator's reset through a restart). */
  public void reset() {
    buckets.clear();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    boolean json = request.getRequestURI().contains("/api");
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      write(response, 405, json, "METHOD_NOT_ALLOWED", "公示栏目只读 / the portal is read-only");
      return;
    }
    if (!take(client(request))) {
      response.setHeader("Retry-After", String.valueOf((int) Math.ceil(1 / refillPerSecond)));
      write(response, 429, json, "TOO_MANY_REQUESTS", "访问过于频繁，请稍后再试 / too many requests, please retry later");
      return;
    }
    chain.doFilter(request, response);
  }

  private String client(HttpServletRequest request) {
    if (trustForwardedFor) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
      }
    }
    return request.getRemoteAddr();
  }

  private boolean take(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      long now = System.nanoTime();
      buckets.values().removeIf(bucket -> bucket.isFull(now)); // a refilled bucket is the same as none
      if (buckets.size() > MAX_CLIENTS) {
        buckets.clear();
      }
    }
    return buckets.computeIfAbsent(client, c -> new Bucket()).take(System.nanoTime());
  }

  private static void write(HttpServletResponse response, int status, boolean json, String code, String message) throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (json) {
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    } else {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write(PortalPages.message(status == 429 ? "访问过于频繁" : "不允许的操作", message));
    }
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last = System.nanoTime();

    synchronized boolean take(long now) {
      refill(now);
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) / 1e9 * refillPerSecond);
      last = now;
    }
  }
}
