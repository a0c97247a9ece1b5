package org.hotline.ivr.pbx;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a dialplan expression on the PBX without a channel (AMI {@code Getvar} with no
 * {@code Channel}: a global variable or a function such as {@code STAT(e,/path)}).
 */
@FunctionalInterface
public interface PbxVariables {

    /**
     * The expression's value; empty when Asterisk answered with no value or refused the action.
     *
     * @throws IOException the PBX cannot be reached
     */
    Optional<String> get(String expression) throws IOException;
}
