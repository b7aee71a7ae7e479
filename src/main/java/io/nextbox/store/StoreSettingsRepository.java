package io.nextbox.store;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoreSettingsRepository extends JpaRepository<StoreSettingsRow, Integer> {
}
