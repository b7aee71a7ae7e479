package io.nextbox;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NextboxApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndAreDocumented() {
		modules.verify();
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	@Test
	void theFeatureModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("account", "catalog", "subscription", "ordering", "offer", "store", "platform", "admin", "demo");
	}

}
