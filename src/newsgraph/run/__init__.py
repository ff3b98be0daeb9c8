"""Running the pipeline over inputs: the ingest loop, process pools, Dask, worker writes."""
