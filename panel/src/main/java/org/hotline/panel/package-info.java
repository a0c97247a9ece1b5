/**
 * The panel server: {@code PanelServer} (wiring and life), {@code PanelServerInitializer} (the Netty
 * pipeline, one job per stage: malformed requests, WebSocket upgrade, static files, API access,
 * API calls), its settings ({@code PanelConfig},
 * {@code PanelPolicy}), the ports it is given ({@code PanelPorts}) and its meters and health.
 */
package org.hotline.panel;
