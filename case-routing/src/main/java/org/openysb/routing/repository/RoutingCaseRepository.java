package org.openysb.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.routing.model.RoutingCase;

@ApplicationScoped
public class RoutingCaseRepository implements PanacheRepositoryBase<RoutingCase, String> {}
