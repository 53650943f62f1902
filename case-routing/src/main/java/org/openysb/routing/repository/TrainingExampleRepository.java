package org.openysb.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.model.TrainingExample;

@ApplicationScoped
public class TrainingExampleRepository implements PanacheRepository<TrainingExample> {}
