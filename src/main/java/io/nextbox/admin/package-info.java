/**
 * The merchant's home in the admin pages: the store at a glance. Reads the other modules' public services;
 * nothing depends on it.
 */
package io.nextbox.admin;
