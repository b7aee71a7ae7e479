package io.nextbox.recommendation;

/**
 * {@code java -jar nextbox.jar simulate [--subscribers 500] [--views 5000] [--seed 11]}: synthetic subscribers with
 * hidden tastes see widgets ranked by today's ranker, the new one (prior and exploration), at random and by an
 * oracle; prints take rate, add-on revenue per subscriber, regret against the oracle and the share of the first
 * 1,000 widget views that showed a newly created good offer. Runs without starting the application.
 */
public final class SimulateCommand {

	public static final String NAME = "simulate";

	private static final String USAGE = "usage: simulate [--subscribers 500] [--views 5000] [--seed 11]";

	private SimulateCommand() {
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args) {
		int subscribers = 500;
		int views = 5_000;
		long seed = 11;
		try {
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--subscribers" -> subscribers = Integer.parseInt(value(args, ++i));
					case "--views" -> views = Integer.parseInt(value(args, ++i));
					case "--seed" -> seed = Long.parseLong(value(args, ++i));
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (subscribers < 1 || views < 1) {
				throw new IllegalArgumentException("--subscribers and --views must be at least 1");
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		long started = System.nanoTime();
		Simulation simulation = new Simulation(subscribers, views, seed);
		System.out.printf("%,d subscribers, %,d widget views of %d cards each, seed %d%n", subscribers, views,
				Simulation.CARDS, seed);
		System.out.print(Simulation.table(simulation.run()));
		System.out.printf("(%.1f s)%n", (System.nanoTime() - started) / 1e9);
		return 0;
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value");
		}
		return args[index];
	}

}
