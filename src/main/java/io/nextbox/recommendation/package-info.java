/**
 * The recommendation service: learns from order history which add-ons and upgrades fit each subscriber,
 * ranks the eligible offers for a placement and explains each pick. Its model and API arrive with the
 * recommendation issue; the package is reserved here so the module map is complete.
 */
package io.nextbox.recommendation;
