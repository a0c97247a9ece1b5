package org.hotline.app.cli;

import org.hotline.app.config.LoadedConfig;

/**
 * What {@code run} starts once the configuration is loaded: the composition root's servers
 * (FastAGI, AMI, panel, storage). {@link #serve} blocks until the service shuts down and
 * returns the exit code.
 */
@FunctionalInterface
public interface HotlineService {

    int serve(LoadedConfig config, CommandContext context) throws Exception;

    /** Starts nothing: {@code run} loads and summarises the configuration, then exits 0. */
    static HotlineService configurationOnly() {
        return (config, context) -> Command.OK;
    }
}
