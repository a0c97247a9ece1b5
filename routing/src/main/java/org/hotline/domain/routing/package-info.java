/**
 * Who answers a call now: {@code CallRouter.decide} returns a {@code RoutingDecision} (a sealed
 * interface of records: queue, forward to duty A then B, fallback), never AGI commands.
 */
package org.hotline.domain.routing;
