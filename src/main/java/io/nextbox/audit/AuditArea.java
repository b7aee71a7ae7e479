package io.nextbox.audit;

/** What part of the store a change touched; the audit page filters by it. */
public enum AuditArea {

	OFFERS, PRODUCTS, PLANS, SETTINGS, STAFF, IMPORTS, SUBSCRIBERS

}
