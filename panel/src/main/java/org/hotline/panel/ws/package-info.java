/**
 * The live WebSocket: {@code PanelWebSocketHandler} (frames), {@code LiveHub} (the endpoint),
 * and one class per job behind it: {@code LiveConnections} (open sockets, reserved slots),
 * {@code AgentStreamPump} (screen pops and deadline alerts from the agents' streams),
 * {@code WallboardPush} (the managers' board) and {@code SocketUpkeep} (sessions and presence).
 */
package org.hotline.panel.ws;
