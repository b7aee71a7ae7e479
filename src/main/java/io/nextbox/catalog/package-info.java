/**
 * What the store sells: products (SKUs), plans ordered by tier within plan families, and what each plan
 * delivers. Offers product and plan look-ups to the other modules.
 */
package io.nextbox.catalog;
