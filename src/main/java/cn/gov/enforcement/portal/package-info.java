/**
 * The public disclosure portal (行政执法公示栏目, issue #18): {@code /public} (server-rendered HTML)
 * and {@code /public/api/…} (JSON), no login, read-only, in Chinese. It shows what the procedures
 * have published after the legal unit's review: advance disclosure (事前公开, PUB-06, from
 * {@code advance-disclosure}), results with the items of PUB-02 (from {@code disclosure}), search by
 * decision number or party (PUB-07), the officers with certificate numbers and the auxiliary staff
 * (AUX-05, live from the identity store), the yearly major-decision catalogue and published major
 * decisions (DEC-18, DEC-15). The procedures write the portal's tables through the listeners of
 * this package; {@link cn.gov.enforcement.portal.PortalStore} is the one place that decides what is
 * readable (published, not withdrawn, not past its period, not confidential).
 */
package cn.gov.enforcement.portal;
