package io.nextbox.ordering;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.nextbox.shared.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store's order history: recording past orders in bulk and reading it back. */
@Service
public class OrderHistory {

	private final OrderRepository orders;

	private final JdbcTemplate jdbc;

	OrderHistory(OrderRepository orders, JdbcTemplate jdbc) {
		this.orders = orders;
		this.jdbc = jdbc;
	}

	/** Records past orders with their lines, all or nothing. */
	@Transactional
	public void importOrders(List<NewOrder> newOrders) {
		List<Long> orderIds = BatchInsert.insertReturningIds(jdbc, """
				insert into orders (order_number, subscriber_id, subscription_id, ordered_at, total, source)
				values (?, ?, ?, ?, ?, ?)""", newOrders, (statement, order) -> {
			statement.setString(1, order.orderNumber());
			statement.setLong(2, order.subscriberId());
			setLong(statement, 3, order.subscriptionId());
			statement.setTimestamp(4, Timestamp.from(order.orderedAt()));
			statement.setBigDecimal(5, order.total());
			statement.setString(6, order.source().name());
		});
		record LineOfOrder(long orderId, NewOrder.Line line) {
		}
		List<LineOfOrder> lines = new ArrayList<>();
		for (int i = 0; i < newOrders.size(); i++) {
			for (NewOrder.Line line : newOrders.get(i).lines()) {
				lines.add(new LineOfOrder(orderIds.get(i), line));
			}
		}
		BatchInsert.insert(jdbc, """
				insert into order_line (order_id, kind, plan_id, product_id, offer_id, quantity, unit_price)
				values (?, ?, ?, ?, ?, ?, ?)""", lines, (statement, row) -> {
			statement.setLong(1, row.orderId());
			statement.setString(2, row.line().kind().name());
			setLong(statement, 3, row.line().planId());
			setLong(statement, 4, row.line().productId());
			setLong(statement, 5, row.line().offerId());
			statement.setInt(6, row.line().quantity());
			statement.setBigDecimal(7, row.line().unitPrice());
		});
	}

	@Transactional(readOnly = true)
	public long countOrders() {
		return orders.count();
	}

	private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, value);
		}
	}

}
