/**
 * Problem reports in the formats a survey's maintainers read them in: GitHub workflow commands (annotations on a pull
 * request), SARIF 2.1.0 (code scanning) and JSON (scripts); the catalogue of rule ids with their help text. Uses
 * {@code diagnostics} (the problems), {@code mapping} (the checks' files) and {@code bundle}.
 */
package org.w3id.vlmsurvey.report;
