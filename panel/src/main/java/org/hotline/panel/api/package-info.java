/**
 * The JSON API's route groups (tickets, agent, supervisor, auth, ops; panel/openapi.yaml) and
 * what they share ({@code PanelContext}, {@code Fields}, {@code TicketView}, {@code Wallboard}).
 * Handlers let store errors through; the server maps them to statuses once.
 */
package org.hotline.panel.api;
