package org.hotline.app.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;

/**
 * The {@code asterisk} section: how the service reaches Asterisk, as the records the ivr module
 * takes. Built and validated by {@link HotlineConfigLoader}; immutable.
 *
 * @param agi    the FastAGI server the dialplan connects to
 * @param ami    the AMI connection of each PBX (several Asterisk servers: one each); empty when
 *               screen pops are not wanted
 * @param dial   the dial string for forward targets
 * @param agents agent device (such as {@code PJSIP/1001}) to panel user name
 */
public record AsteriskSection(FastAgiConfig agi, List<AmiConfig> ami, DialTemplate dial,
                              Map<String, String> agents) {

    public AsteriskSection {
        Objects.requireNonNull(agi, "agi");
        ami = List.copyOf(ami);
        Objects.requireNonNull(dial, "dial");
        agents = Map.copyOf(agents);
    }

    /** The defaults used when the section is left out: local FastAGI, no AMI, {@code PJSIP/{number}}. */
    public static AsteriskSection defaults() {
        return new AsteriskSection(FastAgiConfig.defaults(), List.of(), DialTemplate.DEFAULT, Map.of());
    }
}
