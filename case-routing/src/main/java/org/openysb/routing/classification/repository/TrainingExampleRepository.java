package org.openysb.routing.classification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.classification.model.TrainingExample;

@ApplicationScoped
public class TrainingExampleRepository implements PanacheRepository<TrainingExample> {}
