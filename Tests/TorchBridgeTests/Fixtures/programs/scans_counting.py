import torch
x=torch.tensor([[1,3,3,2,2,5],[4,4,1,1,7,7]])
print(torch.mode(x,1)); print(torch.mode(torch.tensor([2.,1.,2.,1.])))
print(torch.bincount(torch.tensor([1,2,2]), weights=torch.tensor([0.5,1.,2.])), torch.bincount(torch.tensor([1,2,2]), weights=torch.tensor([0.5,1.,2.],dtype=torch.float64)).dtype, torch.bincount(torch.tensor([],dtype=torch.long)), torch.bincount(torch.tensor([1]), minlength=4))
print(torch.cummax(torch.tensor([1.,3.,3.,float('nan'),2.]),0), torch.cummin(torch.tensor([3,1,1,2]),0))
a=torch.tensor([2.,0.,3.,4.],requires_grad=True); y=a.cumprod(0); print(y); y.sum().backward(); print(a.grad)
a=torch.tensor([[2.,1.5],[3.,4.]],requires_grad=True); y=a.cumprod(1); y.sum().backward(); print(y, a.grad)
b=torch.tensor([2.,1.,3.],requires_grad=True); v=torch.cummax(b,0).values; print(v); v.sum().backward(); print(b.grad)
for bad in [torch.tensor([-1]), torch.tensor([[1]]), torch.tensor([1.])]:
  try: torch.bincount(bad)
  except Exception as e: print(type(e).__name__, e)
print(torch.tensor([1,2,3],dtype=torch.int32).cumprod(0), torch.tensor([True]).cumprod(0).dtype)
print(torch.mode(torch.tensor([[1.,2.],[2.,2.]]),0,keepdim=True), torch.tensor(3.).cumprod(0), torch.cummax(torch.tensor(2), 0))
