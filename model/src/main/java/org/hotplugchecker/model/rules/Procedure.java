package org.hotplugchecker.model.rules;

import java.util.List;

/**
 * A kernel helper that several actions run, such as {@code try_offline_node(nid)}: its
 * parameters (node-valued ints, bound by value when invoked) and its body.
 *
 * @param name the kernel function, e.g. {@code try_offline_node}
 * @param params parameter names
 * @param body what it does
 */
public record Procedure(String name, List<String> params, List<Stmt> body) {
  public Procedure {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }
}
