package org.hotline.ivr.ami;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerEventListener;
import org.junit.jupiter.api.Test;

/**
 * What the AMI client asks of its connections when a log-in is refused: the interaction is the
 * point here (STYLE.md 10), so the connection is a Mockito mock and the test verifies the calls,
 * waiting on them rather than on time.
 */
class AmiClientReconnectTest {

    private final AmiConfig config = new AmiConfig("127.0.0.1", 5038, "hotline", "not-the-secret",
            Duration.ofSeconds(20), new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedLogInIsRetriedOnAFreshConnectionWithItsListenerAndEventClassRegisteredFirst() throws Exception {
        ManagerConnection refused = mock(ManagerConnection.class);
        doThrow(new AuthenticationFailedException("Authentication failed")).when(refused).login();
        Function<AmiConfig, ManagerConnection> connections = mock(Function.class);
        when(connections.apply(config)).thenReturn(refused);

        try (AmiClient client = new AmiClient(config, new AgentDirectory(Map.of()), pop -> { }, Clock.systemUTC(),
                connections)) {
            client.start();
            verify(connections, timeout(5_000).atLeast(3)).apply(config);
            verify(refused, timeout(5_000).atLeast(3)).registerUserEventClass(HotlineCallEvent.class);
            verify(refused, timeout(5_000).atLeast(3)).addEventListener(any(ManagerEventListener.class));
            verify(refused, timeout(5_000).atLeast(3)).login();
            org.assertj.core.api.Assertions.assertThat(client.isConnected()).isFalse();
        }
    }
}
