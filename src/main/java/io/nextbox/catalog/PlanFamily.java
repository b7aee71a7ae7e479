package io.nextbox.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "plan_family")
class PlanFamily {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	protected PlanFamily() {
	}

	PlanFamily(String name, String description) {
		this.name = name;
		this.description = description;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

}
