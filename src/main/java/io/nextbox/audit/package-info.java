/**
 * The audit log of merchant changes: who changed what in the store (offers, products, plans, settings, staff,
 * imports, actions on a subscriber's behalf), when, and each field before and after. Other modules record an
 * entry through {@link io.nextbox.audit.AuditLog} inside the transaction of the change; the merchant reads and
 * filters the log on {@code /admin/audit}.
 */
package io.nextbox.audit;
