/**
 * Who may do what: sessions ({@code SessionStore}), route access by {@code Role}
 * ({@code Access}), Origin checks, password hashing, log-in rate limits and the first admin.
 */
package org.hotline.panel.auth;
