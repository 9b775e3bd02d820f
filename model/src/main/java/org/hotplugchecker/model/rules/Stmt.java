package org.hotplugchecker.model.rules;

import java.util.List;

/**
 * A statement of an action's or a procedure's body. Statements run in order, each seeing
 * the effects of the ones before ({@code hotadd_cpu} maps the CPU, then reads the mapping).
 * {@link KernelCall}s change nothing: they name the kernel function that ran, for traces.
 */
public sealed interface Stmt {

  /** {@code slot[index] := value} ({@code index} null for a scalar slot). */
  record Assign(Slot slot, Expr index, Expr value) implements Stmt {}

  /** {@code if cond then ... else ...}. */
  record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** Runs {@code body} for each element of {@code domain}, in increasing order. */
  record ForEach(String var, Domain domain, List<Stmt> body) implements Stmt {
    public ForEach {
      body = List.copyOf(body);
    }
  }

  /** Runs {@code body} with {@code var} bound to {@code value} as it is now. */
  record Let(String var, Expr value, List<Stmt> body) implements Stmt {
    public Let {
      body = List.copyOf(body);
    }
  }

  /** Runs {@code procedure} with its parameters bound to {@code args}' values as they are now. */
  record Invoke(Procedure procedure, List<Expr> args) implements Stmt {
    public Invoke {
      args = List.copyOf(args);
    }
  }

  /**
   * The kernel ran a function: {@code template} with each {@code %d} replaced by the next
   * argument's value, e.g. {@code try_offline_node(%d)} or {@code numa_clear_node(cpu %d)}.
   * Only traces see it.
   */
  record KernelCall(String template, List<Expr> args) implements Stmt {
    public KernelCall {
      args = List.copyOf(args);
      long holes = template.chars().filter(ch -> ch == '%').count();
      if (holes != args.size()) {
        throw new IllegalArgumentException("'" + template + "' has " + holes
            + " holes for " + args.size() + " arguments");
      }
    }
  }
}
