/**
 * The commands of {@code hotline.jar} ({@code run}, {@code check-config}, {@code route},
 * {@code deadline}, {@code roster}, {@code simulate-call}): argument parsing, JSON output on
 * stdout ({@code JsonOutput}), messages on stderr, exit codes 0/1/2.
 */
package org.hotline.app.cli;
