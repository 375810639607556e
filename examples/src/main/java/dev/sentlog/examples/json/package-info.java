/**
 * Reading and writing messages in the interchange format "sentlog-message/1" (SPEC J0-J3) with
 * jackson-databind: {@link dev.sentlog.examples.json.MessageJson} is the codec,
 * {@link dev.sentlog.examples.json.MalformedMessageException} the one error a bad file gives, and
 * {@link dev.sentlog.examples.json.ReadLimits} the resource limits a file read must keep within
 * ({@link dev.sentlog.examples.json.ReadLimitExceededException} when it does not).
 *
 * <p>The J rules are written out in <a href="../cli/doc-files/rules.html">the rules of
 * sentlog-examples</a>.
 */
package dev.sentlog.examples.json;
