package org.hotline.ivr.agi;

/**
 * The {@code HANGUP} line Asterisk writes when the caller hangs up while the AGI runs. It can
 * arrive at any point, including between a command and its reply; the command still gets its
 * own reply afterwards.
 */
public record AgiHangup() {
    public static final AgiHangup INSTANCE = new AgiHangup();
}
