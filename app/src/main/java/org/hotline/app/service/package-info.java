/**
 * The one composition root ({@code HotlineServer}): starts storage, the FastAGI server, the AMI
 * client, the panel and the deadline schedule from a loaded configuration, and the adapters that
 * join them (live routing with saved roster overrides, the call board, queue-member control).
 */
package org.hotline.app.service;
