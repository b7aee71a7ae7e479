package io.nextbox.offer;

import io.nextbox.support.NextboxIntegrationTest;

/** {@link OfferExposuresChecks} on H2. */
@NextboxIntegrationTest
class OfferExposuresIntegrationTests extends OfferExposuresChecks {

}
