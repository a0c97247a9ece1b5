/**
 * The call flows: {@code HotlineFlow} (the {@code hotline} conversation: menu, callback number,
 * location, message, ticket, queue or duty dial) and {@code SurveyFlow}; their configuration
 * ({@code HotlineFlowConfig}, {@code DialTemplate}) and the channel variables they leave for the
 * dialplan ({@code HotlineVariables}, ivr/AGI-CONTRACT.md).
 */
package org.hotline.ivr.flow;
