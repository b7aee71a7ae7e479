/**
 * The demo store: a coffee-and-tea subscription shop with years of believable order history, generated
 * deterministically from a seed and loaded through the other modules' public services on first start.
 */
package io.nextbox.demo;
