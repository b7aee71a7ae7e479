/**
 * Email: a {@link io.nextbox.mail.Mailer} that renders a message from Thymeleaf templates (HTML plus a plain-text
 * part), sends it as the store (its name as the sender name, {@code nextbox.mail.from} as the address), and links
 * from {@code nextbox.public-url}. With no SMTP host configured ({@code spring.mail.host} unset) messages are written
 * to the log in full, so a trial without a mail server still works.
 */
package io.nextbox.mail;
