package io.nextbox.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanFamilyRepository extends JpaRepository<PlanFamily, Long> {
}
