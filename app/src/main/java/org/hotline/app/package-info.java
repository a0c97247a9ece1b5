/**
 * The command line entry point ({@code Main}): reads the environment once and hands over to
 * {@code cli.CommandLine}. Everything else of the composition root is in the sub-packages.
 */
package org.hotline.app;
