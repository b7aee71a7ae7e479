package io.nextbox.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nextbox.shared.Like;
import io.nextbox.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Reads the audit log: newest first, filtered, a page at a time. */
@Service
public class AuditEntries {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;


	private final Clock clock;

	AuditEntries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (filter.area() != null) {
			where.append(" and area = ?");
			arguments.add(filter.area().name());
		}
		if (hasText(filter.who())) {
			where.append(" and lower(actor) like ? escape '\\'");
			arguments.add(Like.containing(filter.who().trim().toLowerCase(Locale.ROOT)));
		}
		if (hasText(filter.subject())) {
			where.append(" and lower(subject) like ? escape '\\'");
			arguments.add(Like.containing(filter.subject().trim().toLowerCase(Locale.ROOT)));
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			arguments.add(Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			arguments.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		}
		long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, arguments.toArray());
		return Paging.pageOrLast(page, size, Sort.unsorted(), pageable -> {
			List<Object> paged = new ArrayList<>(arguments);
			paged.add(pageable.getPageSize());
			paged.add(pageable.getOffset());
			List<AuditEntry> entries = jdbc.query("select * from audit_entry" + where
					+ " order by occurred_at desc, id desc limit ? offset ?", this::entry, paged.toArray());
			return new PageImpl<>(entries, pageable, total);
		});
	}

	private AuditEntry entry(ResultSet row, int n) throws SQLException {
		return new AuditEntry(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
				AuditArea.valueOf(row.getString("area")), row.getObject("subject_id", Long.class), row.getString("subject"),
				row.getString("action"), AuditLog.JSON.readValue(row.getString("changes"), CHANGES));
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
