/**
 * HTTP plumbing with no panel logic: the router, requests and responses, the JSON codec,
 * security headers, static files, and {@code StoreErrors}, the one mapping of store errors to
 * HTTP statuses.
 */
package org.hotline.panel.http;
