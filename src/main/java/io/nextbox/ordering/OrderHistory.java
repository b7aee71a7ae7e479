package io.nextbox.ordering;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.CatalogView;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.shared.BatchInsert;
import io.nextbox.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store's order history: recording past orders in bulk and reading it back. */
@Service
@EnableConfigurationProperties(ShippingAssumptions.class)
public class OrderHistory {

	private final OrderRepository orders;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final CatalogService catalog;

	private final Clock clock;

	private final ShippingAssumptions shipping;

	OrderHistory(OrderRepository orders, JdbcTemplate jdbc, ApplicationEventPublisher events, CatalogService catalog,
			Clock clock, ShippingAssumptions shipping) {
		this.shipping = shipping;
		this.orders = orders;
		this.jdbc = jdbc;
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Places the order of a processed shipment and announces it with {@link OrderPlaced}, in the caller's
	 * transaction: the order, the shipment's state and the event stand or fall together. A shipment already
	 * ordered is refused by the database.
	 */
	@Transactional
	public OrderPlaced place(NewOrder order) {
		long orderId = importReturningIds(List.of(order)).get(0);
		OrderPlaced placed = new OrderPlaced(orderId, order.orderNumber(), order.subscriberId(),
				order.subscriptionId(), order.shipmentId(), order.orderedAt(), order.total(), order.lines());
		events.publishEvent(placed);
		return placed;
	}

	/** Records past orders with their lines, all or nothing. */
	@Transactional
	public void importOrders(List<NewOrder> newOrders) {
		importReturningIds(newOrders);
	}

	private List<Long> importReturningIds(List<NewOrder> newOrders) {
		List<Long> orderIds = BatchInsert.insertReturningIds(jdbc, """
				insert into orders (order_number, subscriber_id, subscription_id, shipment_id, ordered_at, total, source)
				values (?, ?, ?, ?, ?, ?, ?)""", newOrders, (statement, order) -> {
			statement.setString(1, order.orderNumber());
			statement.setLong(2, order.subscriberId());
			BatchInsert.setLong(statement, 3, order.subscriptionId());
			BatchInsert.setLong(statement, 4, order.shipmentId());
			statement.setTimestamp(5, Timestamp.from(order.orderedAt()));
			statement.setBigDecimal(6, order.total());
			statement.setString(7, order.source().name());
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
				insert into order_line (order_id, kind, plan_id, product_id, offer_id, quantity, unit_price,
				  replaces_product_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", lines, (statement, row) -> {
			statement.setLong(1, row.orderId());
			statement.setString(2, row.line().kind().name());
			BatchInsert.setLong(statement, 3, row.line().planId());
			BatchInsert.setLong(statement, 4, row.line().productId());
			BatchInsert.setLong(statement, 5, row.line().offerId());
			statement.setInt(6, row.line().quantity());
			statement.setBigDecimal(7, row.line().unitPrice());
			BatchInsert.setLong(statement, 8, row.line().replacesProductId());
		});
		return orderIds;
	}

	/**
	 * A page of the subscriber's orders with their lines, newest first: two queries, whatever the page size. A page
	 * past the end is the last page.
	 */
	@Transactional(readOnly = true)
	public OrderPage ordersOf(long subscriberId, int page, int size) {
		Page<Long> ids = Paging.pageOrLast(page, size, Sort.unsorted(),
				pageable -> orders.findIdsBySubscriberId(subscriberId, pageable));
		List<Order> found = ids.isEmpty() ? List.of() : orders.findWithLinesByIdIn(ids.getContent());
		return new OrderPage(views(found), ids.getNumber(), ids.getTotalPages(), ids.getTotalElements());
	}

	/**
	 * Up to {@code size} of the subscriber's orders with their lines, newest first, starting after the order
	 * {@code beforeOrderId} (from the newest when null): one query, by keyset, so the hundredth page costs what the
	 * first does. An order id that is not the subscriber's gives no orders. Outside a transaction: one statement
	 * needs none, and opening a JPA session for it cost the page more than the statement did.
	 */
	public OrderSlice ordersBefore(long subscriberId, Long beforeOrderId, int size) {
		String older = beforeOrderId == null ? "" : """
				and exists (select 1 from orders b where b.id = ? and b.subscriber_id = x.subscriber_id
				  and (x.ordered_at < b.ordered_at or (x.ordered_at = b.ordered_at and x.id < b.id)))""";
		List<Object> arguments = new ArrayList<>();
		arguments.add(subscriberId);
		if (beforeOrderId != null) {
			arguments.add(beforeOrderId);
		}
		arguments.add(size + 1);
		Map<Long, OrderRows> found = new LinkedHashMap<>();
		jdbc.query("""
				select o.id, o.order_number, o.ordered_at, o.total, l.kind, l.plan_id, l.product_id, l.quantity,
				       l.unit_price, l.replaces_product_id
				from (select x.id, x.order_number, x.ordered_at, x.total from orders x
				      where x.subscriber_id = ? %s
				      order by x.ordered_at desc, x.id desc limit ?) o
				left join order_line l on l.order_id = o.id
				order by o.ordered_at desc, o.id desc, l.id""".formatted(older), (ResultSet row) -> {
			OrderRows order = found.get(row.getLong(1));
			if (order == null) {
				order = new OrderRows(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(),
						row.getBigDecimal(4));
				found.put(order.id, order);
			}
			String kind = row.getString(5);
			if (kind != null) {
				order.lines.add(new LineRow(OrderLineKind.valueOf(kind), (Long) row.getObject(6, Long.class),
						(Long) row.getObject(7, Long.class), row.getInt(8), row.getBigDecimal(9),
						(Long) row.getObject(10, Long.class)));
			}
		}, arguments.toArray());
		List<OrderRows> page = new ArrayList<>(found.values());
		boolean more = page.size() > size;
		if (more) {
			page = page.subList(0, size);
		}
		CatalogView view = catalog.view(
				page.stream().flatMap(order -> order.lines.stream()).map(LineRow::planId).filter(Objects::nonNull)
					.collect(Collectors.toSet()),
				page.stream().flatMap(order -> order.lines.stream())
					.flatMap(line -> java.util.stream.Stream.of(line.productId(), line.replacesProductId()))
					.filter(Objects::nonNull)
					.collect(Collectors.toSet()));
		LocalDate today = LocalDate.now(clock);
		List<OrderView> orders = page.stream()
			.map(order -> order.toView(view, shipping.progress(order.orderedAt, today, clock.getZone())))
			.toList();
		return new OrderSlice(orders, beforeOrderId == null, more ? page.get(page.size() - 1).id : null);
	}

	private record LineRow(OrderLineKind kind, Long planId, Long productId, int quantity, BigDecimal unitPrice,
			Long replacesProductId) {
	}

	private static final class OrderRows {

		private final long id;

		private final String orderNumber;

		private final Instant orderedAt;

		private final BigDecimal total;

		private final List<LineRow> lines = new ArrayList<>();

		OrderRows(long id, String orderNumber, Instant orderedAt, BigDecimal total) {
			this.id = id;
			this.orderNumber = orderNumber;
			this.orderedAt = orderedAt;
			this.total = total;
		}

		OrderView toView(CatalogView view, OrderProgress progress) {
			return new OrderView(id, orderNumber, orderedAt, total, lines.stream().map(line -> {
				boolean plan = line.kind() == OrderLineKind.PLAN;
				String name = plan ? view.plan(line.planId()).map(PlanSummary::name).orElse("")
						: view.products(List.of(line.productId())).values().stream().findFirst()
							.map(ProductSummary::name).orElse("");
				String replaces = line.replacesProductId() == null ? null
						: view.products(List.of(line.replacesProductId())).values().stream().findFirst()
							.map(ProductSummary::name).orElse("");
				return new OrderView.Line(plan, name, line.quantity(), line.unitPrice(),
						line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), replaces);
			}).toList(), progress);
		}

	}

	/** One of the subscriber's orders by its number; empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<OrderView> orderOf(long subscriberId, String orderNumber) {
		return orders.findWithLinesByOrderNumberAndSubscriberId(orderNumber, subscriberId)
			.map(order -> views(List.of(order)).get(0));
	}

	private List<OrderView> views(List<Order> found) {
		LocalDate today = LocalDate.now(clock);
		Set<Long> planIds = new HashSet<>();
		Set<Long> productIds = new HashSet<>();
		found.forEach(order -> order.getLines().forEach(line -> {
			if (line.getPlanId() != null) {
				planIds.add(line.getPlanId());
			}
			if (line.getProductId() != null) {
				productIds.add(line.getProductId());
			}
			if (line.getReplacesProductId() != null) {
				productIds.add(line.getReplacesProductId());
			}
		}));
		CatalogView view = catalog.view(planIds, productIds);
		Map<Long, PlanSummary> plans = view.plans(planIds);
		Map<Long, ProductSummary> products = view.products(productIds);
		return found.stream().map(order -> new OrderView(order.getId(), order.getOrderNumber(), order.getOrderedAt(),
				order.getTotal(), order.getLines().stream().map(line -> {
					String name = line.getKind() == OrderLineKind.PLAN ? plans.get(line.getPlanId()).name()
							: products.get(line.getProductId()).name();
					String replaces = line.getReplacesProductId() == null ? null
							: products.get(line.getReplacesProductId()).name();
					return new OrderView.Line(line.getKind() == OrderLineKind.PLAN, name, line.getQuantity(),
							line.getUnitPrice(), line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())),
							replaces);
				}).toList(), shipping.progress(order.getOrderedAt(), today, clock.getZone()))).toList();
	}

	/**
	 * Streams the whole history, oldest first, one order at a time, without holding it in memory: the
	 * recommender's model is built from it.
	 */
	@Transactional(readOnly = true)
	public void replay(Consumer<PastOrder> consumer) {
		readPastOrders("", List.of(), consumer);
	}

	/**
	 * The orders with an id above {@code afterId} and at most {@code upToId}, by id, no more than {@code limit}:
	 * how an instance learns the orders other instances placed (ids are not committed in their order, so a
	 * reader that saw id 12 may still find 11 later).
	 */
	@Transactional(readOnly = true)
	public List<PastOrder> ordersAfter(long afterId, long upToId, int limit) {
		List<Long> ids = jdbc.queryForList("select id from orders where id > ? and id <= ? order by id limit ?",
				Long.class, afterId, upToId, limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		List<PastOrder> found = new ArrayList<>(ids.size());
		readPastOrders("where o.id >= ? and o.id <= ? ", List.of(ids.get(0), ids.get(ids.size() - 1)), found::add);
		found.sort(Comparator.comparingLong(PastOrder::orderId));
		return found;
	}

	/** An order just placed as the recommender learns it: the same day as {@link #replay} gives it. */
	public PastOrder pastOrder(OrderPlaced placed) {
		PastOrderBuilder order = new PastOrderBuilder(placed.orderId(), placed.subscriberId(),
				storeDay(placed.orderedAt()));
		for (NewOrder.Line line : placed.lines()) {
			order.add(line.kind(), line.planId(), line.productId(), line.replacesProductId());
		}
		return order.build();
	}

	/** The day an order was placed on, in the store's time zone (the clock's, as the cutoff uses). */
	private LocalDate storeDay(Instant orderedAt) {
		return orderedAt.atZone(clock.getZone()).toLocalDate();
	}

	private void readPastOrders(String where, List<Object> arguments, Consumer<PastOrder> consumer) {
		long[] current = { -1 };
		PastOrderBuilder[] building = { null };
		jdbc.query("select o.id, o.subscriber_id, o.ordered_at, l.kind, l.plan_id, l.product_id, l.replaces_product_id "
				+ "from orders o join order_line l on l.order_id = o.id " + where + "order by o.ordered_at, o.id",
				(ResultSet row) -> {
					long orderId = row.getLong(1);
					if (orderId != current[0]) {
						if (building[0] != null) {
							consumer.accept(building[0].build());
						}
						current[0] = orderId;
						building[0] = new PastOrderBuilder(orderId, row.getLong(2),
								storeDay(row.getTimestamp(3).toInstant()));
					}
					building[0].add(OrderLineKind.valueOf(row.getString(4)), row.getObject(5, Long.class),
							row.getObject(6, Long.class), row.getObject(7, Long.class));
				}, arguments.toArray());
		if (building[0] != null) {
			consumer.accept(building[0].build());
		}
	}

	private static final class PastOrderBuilder {

		private final long orderId;

		private final long subscriberId;

		private final LocalDate orderedOn;

		private Long planId;

		private final List<Long> addOns = new ArrayList<>();

		private final List<Long> swappedIn = new ArrayList<>();

		private final List<Long> swappedOut = new ArrayList<>();

		PastOrderBuilder(long orderId, long subscriberId, LocalDate orderedOn) {
			this.orderId = orderId;
			this.subscriberId = subscriberId;
			this.orderedOn = orderedOn;
		}

		void add(OrderLineKind kind, Long plan, Long product, Long replaces) {
			switch (kind) {
				case PLAN -> planId = plan;
				case ADD_ON -> addOns.add(product);
				case SWAP -> {
					swappedIn.add(product);
					swappedOut.add(replaces);
				}
			}
		}

		PastOrder build() {
			return new PastOrder(orderId, subscriberId, orderedOn, planId, List.copyOf(addOns), List.copyOf(swappedIn),
					List.copyOf(swappedOut));
		}

	}

	@Transactional(readOnly = true)
	public long countOrders() {
		return orders.count();
	}

	/**
	 * What the orders each of these subscribers placed from {@code from} (inclusive) to {@code to} (exclusive) add up
	 * to; a subscriber without orders there is left out. One query over the range, whatever the number of
	 * subscribers (an {@code in} list of thousands of ids would not be portable nor fast).
	 */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> totalsBySubscriber(Set<Long> subscriberIds, Instant from, Instant to) {
		Map<Long, BigDecimal> totals = new HashMap<>();
		jdbc.query("select subscriber_id, sum(total) from orders where ordered_at >= ? and ordered_at < ? "
				+ "group by subscriber_id", (ResultSet row) -> {
					long subscriberId = row.getLong(1);
					if (subscriberIds.contains(subscriberId)) {
						totals.put(subscriberId, row.getBigDecimal(2));
					}
				}, Timestamp.from(from), Timestamp.from(to));
		return totals;
	}

}
